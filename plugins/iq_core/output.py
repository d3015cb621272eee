"""Files a plugin writes itself (not through Pelican's writer): which process writes them.

A build may write in two processes (scripts/splitwriting.py): each file falls to one
of them by its name. Pelican's writer asks this for pages; our plugins ask it before
they write their own files (e-mails, calendars, feeds, open data), with the file's
path in the output folder. With Pelican's plain writer (one process) every answer is yes.
"""


def writes(writer, name):
    takes = getattr(writer, "takes", None)
    return takes is None or takes(name)
