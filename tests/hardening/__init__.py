"""End-to-end hardening tests: broken files, hostile input, kills and concurrent writers."""
