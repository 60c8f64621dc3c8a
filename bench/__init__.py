"""`make bench`: throughput and memory figures on a synthetic corpus built from the samples."""
