"""The Vinculación area: linkage programmes, needs from Mexico with their candidates, and
"Buscar talento" (issue 14)."""
