"""Spreadsheet imports: read a file, map its columns, check and preview, then write."""
