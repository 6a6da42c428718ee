"""The data that flows between the stages: documents, findings, run results."""
