"""Icons and other files the app ships (installed as `align_desktop.resources`)."""
