"""The only code that touches files: atomic JSON storage, the lock, backups, the catalog cache."""
