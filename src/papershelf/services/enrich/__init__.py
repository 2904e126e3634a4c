"""Enrichment: abstracts and metadata from arXiv, OpenAlex, Semantic Scholar, Crossref, DBLP."""
