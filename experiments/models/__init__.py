"""NumPy models of "Deep Learning from Scratch 2", chapters 2 to 8, written for this project.

One module per chapter's topic, each a set of small layer classes with ``forward`` and
``backward`` and the book's ``params`` / ``grads`` lists:

- ``backend``: the array module ``xp`` (NumPy, or CuPy on a GPU), ``make_rng``;
- ``count_based`` (ch. 2): co-occurrence, PPMI, SVD, similarity and analogy queries;
- ``layers``: MatMul, Affine, losses, Embedding, Dropout and their Time* forms;
- ``word2vec`` (ch. 3-4): simple CBOW / skip-gram, CBOW with negative sampling;
- ``rnn`` (ch. 5-6): RNN and LSTM cells, their Time* forms, gradient clipping;
- ``rnnlm`` (ch. 5-6): SimpleRnnlm, Rnnlm, BetterRnnlm;
- ``seq2seq`` (ch. 7) and ``attention`` (ch. 8): encoder-decoder models with generate();
- ``optim``: SGD and Adam; ``training``: training loops with progress and checkpoints;
- ``gradcheck``: backward passes against central differences (NumPy, float64).

Every array operation goes through the ``xp`` a model was built with, and random numbers
come from a generator made by ``backend.make_rng(xp, seed)``, so the same code runs on
CuPy. Nothing here is imported from the book's code: the book's published facts (sizes,
initialisations, known results) are used, the code is this project's own.
"""
