"""Export dialogs: options, progress and cancel, preview, open the result."""
