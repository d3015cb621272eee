"""Content errors that editors can act on: German, with file, key or line, and a fix."""

import difflib
import os


class ContentError(Exception):
    """A mistake in a content file. Stops the build; the message is for editors."""

    def __init__(self, source_path, problem, *, key=None, line=None, hint=None):
        self.source_path = str(source_path)
        self.problem = problem
        self.key = key
        self.line = line
        self.hint = hint
        super().__init__(self.message())

    def __reduce__(self):
        # Sent between the build's processes (scripts/prereading.py) with every field.
        return (_content_error, (self.source_path, self.problem, self.key, self.line, self.hint))

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


def _content_error(source_path, problem, key, line, hint):
    return ContentError(source_path, problem, key=key, line=line, hint=hint)


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
