"""Document structure: headings, document types, bundles."""

from disclint.structure.doctype import DOC_TYPES, TypeDecision, detect_doc_type

__all__ = ["DOC_TYPES", "TypeDecision", "detect_doc_type"]
