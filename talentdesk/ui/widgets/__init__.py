"""Small reusable widgets and models shared by the areas of the main window."""
