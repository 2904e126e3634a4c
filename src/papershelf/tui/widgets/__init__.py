"""Widgets: they show state and post messages, nothing else."""
