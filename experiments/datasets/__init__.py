"""Data for the book's chapters 2 to 8, made or read here, as NumPy arrays on the host.

- ``corpus``: the Corpus record (ids + vocabulary), preprocessing, a unigram baseline;
- ``toy`` (ch. 2-3): "You say goodbye and I say hello.";
- ``ptb`` (ch. 2-6): the Penn Treebank, read from a folder the learner names (no download);
- ``grammar`` + ``lexicon``: a generated stand-in corpus with planted structure (word
  classes, analogies, and its exact perplexity), for when PTB is not at hand and for tests;
- ``addition`` (ch. 7) and ``dates`` (ch. 8): seeded character-level seq2seq problems.

Generators are seeded and pure: the same arguments give the same data. Models move the
arrays to their device with ``xp.asarray``.
"""
