"""Start-up: configuration files, path globs and the lexicons as a run uses them, read and checked before anything is linted."""
