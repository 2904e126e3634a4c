"""Parsing markdown paper lists into papers; pure apart from reading a file."""
