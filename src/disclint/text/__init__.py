"""Text layer: normalisation, sentences, numbers, segmentation."""
