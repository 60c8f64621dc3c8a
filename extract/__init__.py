"""Extract: report files -> typed records with their evidence."""
