"""A run: the engine over documents, workers, suppressions, baselines, caches, safe output files."""
