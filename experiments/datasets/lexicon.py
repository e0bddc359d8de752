"""The words of the generated stand-in corpus (experiments.datasets.grammar), by class.

Nouns come with their forms: animals and foods as (singular, plural), people as (male
singular, male plural, female singular, female plural), so number and gender are
features a grammar can agree with. Verbs come as (third person singular, plural).
Classes are disjoint: every word belongs to exactly one.
"""

from __future__ import annotations

from types import MappingProxyType
ANIMALS = (
    ("cat", "cats"), ("dog", "dogs"), ("horse", "horses"), ("cow", "cows"), ("pig", "pigs"),
    ("goat", "goats"), ("duck", "ducks"), ("hen", "hens"), ("rabbit", "rabbits"), ("fox", "foxes"),
    ("wolf", "wolves"), ("bear", "bears"), ("lion", "lions"), ("tiger", "tigers"),
    ("monkey", "monkeys"), ("mouse", "mice"), ("rat", "rats"), ("frog", "frogs"),
    ("snake", "snakes"), ("owl", "owls"), ("eagle", "eagles"), ("parrot", "parrots"),
    ("donkey", "donkeys"), ("camel", "camels"), ("zebra", "zebras"), ("whale", "whales"),
    ("dolphin", "dolphins"), ("seal", "seals"), ("otter", "otters"), ("badger", "badgers"),
)

FOODS = (
    ("apple", "apples"), ("pear", "pears"), ("plum", "plums"), ("peach", "peaches"),
    ("banana", "bananas"), ("orange", "oranges"), ("lemon", "lemons"), ("cherry", "cherries"),
    ("grape", "grapes"), ("melon", "melons"), ("carrot", "carrots"), ("potato", "potatoes"),
    ("tomato", "tomatoes"), ("onion", "onions"), ("bean", "beans"), ("pea", "peas"),
    ("cake", "cakes"), ("pie", "pies"), ("cookie", "cookies"), ("muffin", "muffins"),
    ("biscuit", "biscuits"), ("sandwich", "sandwiches"), ("egg", "eggs"), ("nut", "nuts"),
    ("olive", "olives"), ("radish", "radishes"), ("turnip", "turnips"), ("pepper", "peppers"),
    ("pumpkin", "pumpkins"), ("mango", "mangoes"),
)

PEOPLE = (
    ("king", "kings", "queen", "queens"), ("man", "men", "woman", "women"),
    ("prince", "princes", "princess", "princesses"), ("boy", "boys", "girl", "girls"),
    ("father", "fathers", "mother", "mothers"), ("son", "sons", "daughter", "daughters"),
    ("brother", "brothers", "sister", "sisters"), ("uncle", "uncles", "aunt", "aunts"),
    ("husband", "husbands", "wife", "wives"), ("actor", "actors", "actress", "actresses"),
    ("waiter", "waiters", "waitress", "waitresses"), ("monk", "monks", "nun", "nuns"),
    ("nephew", "nephews", "niece", "nieces"), ("emperor", "emperors", "empress", "empresses"),
)

PLACES = (
    "garden", "kitchen", "forest", "market", "castle", "village", "river", "field", "barn",
    "park", "house", "city", "school", "church", "palace", "harbour", "valley", "meadow",
    "cave", "street",
)

ADJECTIVES = MappingProxyType({
    "animal": ("fluffy", "wild", "tame", "sleepy", "spotted", "striped", "furry", "fierce",
               "shy", "hungry"),
    "food": ("fresh", "ripe", "sweet", "sour", "juicy", "crisp", "rotten", "tasty", "bitter",
             "salty"),
    "person": ("old", "young", "wise", "brave", "kind", "rich", "poor", "proud", "clever",
               "lazy"),
})

# Verb classes by what they take: no object (animal or person subjects), a food, an
# animal or a person as object, or a food subject with an adjective after it.
VERBS = MappingProxyType({
    "animal_intransitive": (("sleeps", "sleep"), ("runs", "run"), ("jumps", "jump"),
                            ("hides", "hide"), ("swims", "swim"), ("rests", "rest"),
                            ("plays", "play"), ("waits", "wait")),
    "person_intransitive": (("sings", "sing"), ("dances", "dance"), ("works", "work"),
                            ("prays", "pray"), ("laughs", "laugh"), ("travels", "travel"),
                            ("reads", "read"), ("smiles", "smile")),
    "takes_food": (("eats", "eat"), ("cooks", "cook"), ("buys", "buy"), ("sells", "sell"),
                   ("bakes", "bake"), ("slices", "slice"), ("grows", "grow"), ("picks", "pick"),
                   ("washes", "wash"), ("peels", "peel"), ("sniffs", "sniff"),
                   ("steals", "steal"), ("chews", "chew")),
    "takes_animal": (("chases", "chase"), ("follows", "follow"), ("watches", "watch"),
                     ("feeds", "feed"), ("rides", "ride"), ("pets", "pet"), ("trains", "train"),
                     ("fears", "fear"), ("hunts", "hunt"), ("catches", "catch")),
    "takes_person": (("meets", "meet"), ("visits", "visit"), ("marries", "marry"),
                     ("helps", "help"), ("greets", "greet"), ("thanks", "thank"),
                     ("calls", "call"), ("loves", "love")),
    "food_predicate": (("is", "are"), ("tastes", "taste"), ("looks", "look"),
                       ("smells", "smell"), ("seems", "seem")),
})

# Which verbs each kind of subject may take (a subset of the classes above).
SUBJECT_VERBS = MappingProxyType({
    "animal": ("sleeps", "runs", "jumps", "hides", "swims", "rests", "plays", "waits",
               "eats", "sniffs", "steals", "chews",
               "chases", "follows", "watches", "fears", "hunts"),
    "person": ("sings", "dances", "works", "prays", "laughs", "travels", "reads", "smiles",
               "eats", "cooks", "buys", "sells", "bakes", "slices", "grows", "picks", "washes",
               "peels", "feeds", "rides", "pets", "trains", "watches", "catches", "fears",
               "follows", "meets", "visits", "marries", "helps", "greets", "thanks", "calls",
               "loves"),
    "food": ("is", "tastes", "looks", "smells", "seems"),
})

OBJECT_OF = MappingProxyType({"takes_food": "food", "takes_animal": "animal", "takes_person": "person"})

SINGULAR_DETERMINERS = ("a", "this", "that", "every")
PLURAL_DETERMINERS = ("these", "those", "some", "many")
POSSESSIVES = MappingProxyType({("person", "male", "sg"): "his", ("person", "female", "sg"): "her",
               ("animal", None, "sg"): "its"})
PLURAL_POSSESSIVE = "their"
PREPOSITIONS = ("in", "near", "under", "behind", "at")
END = "<eos>"
