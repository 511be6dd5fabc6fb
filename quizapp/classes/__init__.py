"""Classes, their assignments and results: plain-Python services the views call."""
