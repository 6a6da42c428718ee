"""Start-up: configuration files and path globs, read before anything is linted."""
