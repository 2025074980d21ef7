"""Bringing members in from spreadsheets, and merging the duplicates found later."""
