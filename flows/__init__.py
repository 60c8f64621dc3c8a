"""Flows: Prefect orchestration of extract -> transform -> load."""
