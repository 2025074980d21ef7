"""TalentDesk: the desk tool of the Red de Talentos Mexicanos."""

__version__ = "0.1.0"
