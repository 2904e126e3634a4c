"""Pure values and rules: papers, statuses, filters, progress. No I/O."""
