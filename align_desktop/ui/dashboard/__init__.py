"""The dashboard: headline figures, the five portfolio charts and the alerts, on one screen."""
