"""Use cases. Each takes a Session, validates, writes with its audit trail, never commits."""
