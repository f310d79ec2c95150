"""Entity and time-expression extraction: rules, patterns and word lists shipped as data files.

Public interface (used by the CLI ``extract`` command, the library and the scorers):

- :func:`tui.extract.entities.extract_entities` — mentions in one text.
- :func:`tui.extract.times.extract_times` — time expressions in one text, resolved against a date.
- :func:`tui.extract.entity_index.build_entity_index` — corpus-level merging into entities.
- :func:`tui.extract.timeline.build_timeline` — corpus-level, time-ordered timeline entries.
"""
