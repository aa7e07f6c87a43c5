"""Streamlit-free: words and drawings for the UI"""
