"""Content errors that editors can act on: German, with file, key or line, and a fix.

A file may have several mistakes; editors want all of them from one run, not one per
run. Checks therefore collect their errors (`Problems`) and raise them together as
`ContentErrors`, which is a ContentError too, so every `except ContentError` keeps working.
"""

import contextlib
import difflib
import os


class ContentError(Exception):
    """A mistake in a content file. Stops the build; the message is for editors."""

    def __init__(self, source_path, problem, key=None, line=None, hint=None):
        self.source_path = str(source_path)
        self.problem = problem
        self.key = key
        self.line = line
        self.hint = hint
        # Every field in `args`: an error read ahead in another process arrives whole.
        super().__init__(self.source_path, problem, key, line, hint)

    def __str__(self):
        return self.message()

    def each(self):
        """The single problems: [self] here, several for ContentErrors."""
        return [self]

    def place(self):
        place = _relative(self.source_path)
        if self.line:
            place += f", Zeile {self.line}"
        if self.key:
            place += f", Schlüssel „{self.key}“"
        return place

    def message(self):
        text = f"{self.place()}: {self.problem}"
        if self.hint:
            text += f" {self.hint}"
        return text


class ContentErrors(ContentError):
    """Several mistakes, reported together; `each()` gives them one by one."""

    def __init__(self, errors):
        self.errors = [single for error in errors for single in error.each()]
        first = self.errors[0]
        super().__init__(first.source_path, first.problem, key=first.key, line=first.line,
                         hint=first.hint)
        self.args = (self.errors,)

    def each(self):
        return list(self.errors)

    def message(self):
        return "\n".join(error.message() for error in getattr(self, "errors", [])) \
            or super().message()


class Problems:
    """Collects the ContentErrors of independent checks, so one run reports them all.

    `Problems.of(item)` starts with what the reader found in the item's file (hidden
    characters, common keys, HTML and links), so a content type reports those together
    with its own.
    """

    def __init__(self, errors=()):
        self.errors = list(errors)

    @classmethod
    def of(cls, metadata):
        return cls((metadata or {}).get("content_problems", ()))

    def add(self, error):
        """Note `error`; a second problem with the same key of the same file is left out
        (the reader and a content type may both check a title: one message is enough)."""
        for single in error.each():
            if single.key is None or not any(
                    known.key == single.key and known.source_path == single.source_path
                    for known in self.errors):
                self.errors.append(single)

    @contextlib.contextmanager
    def collecting(self):
        """Run a block; a ContentError in it is noted and the checks go on after it."""
        try:
            yield
        except ContentError as error:
            self.add(error)

    def value(self, check, *args, default=None, **kwargs):
        """check(*args, **kwargs), or `default` when it raised a ContentError (noted)."""
        try:
            return check(*args, **kwargs)
        except ContentError as error:
            self.add(error)
            return default

    def __bool__(self):
        return bool(self.errors)

    def raise_any(self):
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise ContentErrors(self.errors)


def report(error, log):
    """Log every problem of `error` on its own (sitebuild fails the build on each)."""
    for single in error.each():
        log("%s", single.message())


def _relative(path):
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def closest_key(key, allowed):
    """The allowed key an editor most likely meant, or None."""
    matches = difflib.get_close_matches(str(key), list(allowed), n=1, cutoff=0.6)
    return matches[0] if matches else None


def unknown_key_error(source_path, key, allowed, line=None):
    guess = closest_key(key, allowed)
    hint = f"Meinten Sie „{guess}“?" if guess else ""
    hint += " Erlaubt sind: " + ", ".join(sorted(allowed)) + "."
    return ContentError(
        source_path, "Diesen Schlüssel kennt die Website nicht.", key=key, line=line, hint=hint.strip()
    )
