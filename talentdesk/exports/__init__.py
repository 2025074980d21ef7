"""File exports: spreadsheets and PDFs. One shape for all of them (see ``files``)."""
