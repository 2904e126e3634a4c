"""Enrichment: abstracts and real metadata from arXiv, OpenAlex, Semantic Scholar, Crossref, DBLP."""
