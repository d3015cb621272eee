"""Plain Pelican for the benchmark's baseline: default settings and theme, YAML front matter.

The benchmark passes PATH and the output folder; nothing else differs from a fresh
`pelican-quickstart` site with pelican-yaml-metadata installed.
"""

SITENAME = "Benchmark"
SITEURL = ""
TIMEZONE = "Europe/Berlin"
DEFAULT_LANG = "de"
