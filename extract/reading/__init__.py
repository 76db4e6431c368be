"""Reading documents: finding files, decoding, front matter, web pages, doc ids."""
