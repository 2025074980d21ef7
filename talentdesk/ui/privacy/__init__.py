"""The privacy rights in the window: the export log, the person's data (Acceso), anonymising
(Cancelación). The Rectificación is the member form; the Oposición is its "no contactar" box."""
