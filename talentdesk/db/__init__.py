"""Engine, unit of work, migrations and backups."""
