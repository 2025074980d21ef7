"""The Jornadas (events) workspace."""
