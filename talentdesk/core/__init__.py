"""Qt-free domain: models, enums, value helpers and errors."""
