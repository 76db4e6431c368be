"""Running: the pipeline over many documents, in processes or on Dask, and the output files."""
