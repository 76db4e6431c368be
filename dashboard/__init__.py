"""Streamlit dashboard showing extracted events on an interactive timeline."""
