"""disclint — a linter for Chinese disclosure drafts of listed companies."""

__version__ = "0.1.0"
