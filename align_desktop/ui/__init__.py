"""Qt user interface: main window, one package per view, dialogs. Talks to the store's services only."""
