"""A synthetic byte-level BPE with the real Whisper id layout. The real multilingual vocabulary ships with
no npm or Debian package, so text ids 0..50256 hold pseudo-words of en/ru/hu syllables (every prefix is a
token and the merges build them), and every special, language and timestamp token sits at its real id."""
import random

SYLLABLES = {
    "en": ("b c d f g h k l m n p r s t v w th sh ch", "a e i o u ea ou"),
    "ru": ("б в г д ж з к л м н п р с т ф х ц ч ш щ", "а е и о у ы э ю я"),
    "hu": ("b c d f g h j k l m n p r s t v z sz cs gy ny ly zs", "a á e é i í o ó ö ő u ú ü ű"),
}


def bytes_to_unicode():
    """GPT-2's reversible byte -> printable character map, in its order (so id 220 is the space 'Ġ')."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + list(range(ord("®"), ord("ÿ") + 1))
    characters = printable[:]
    extra = 0
    for byte in range(256):
        if byte not in printable:
            printable.append(byte)
            characters.append(256 + extra)
            extra += 1
    return dict(zip(printable, map(chr, characters)))


def pseudo_words(rng):
    while True:
        language = rng.choice(sorted(SYLLABLES))
        consonants, vowels = (group.split() for group in SYLLABLES[language])
        word = "".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(1, 3)))
        yield (" " if rng.random() < 0.7 else "") + word


def build_vocabulary(size, seed):
    """Returns (vocab: token -> id, merges) with all prefixes of each pseudo-word present, so BPE can reach it."""
    byte_chars = bytes_to_unicode()
    vocab = {char: index for index, char in enumerate(byte_chars.values())}
    merges = []
    for word in pseudo_words(random.Random(seed)):
        encoded = "".join(byte_chars[byte] for byte in word.encode("utf-8"))
        for end in range(2, len(encoded) + 1):
            token = encoded[:end]
            if token in vocab:
                continue
            vocab[token] = len(vocab)
            merges.append(f"{token[:-1]} {token[-1]}")
            if len(vocab) == size:
                return vocab, merges


def special_tokens(facts):
    """Content and special flag of every id from 50257 on; timestamps are ordinary added tokens, as upstream."""
    names = ["<|endoftext|>", "<|startoftranscript|>", *[f"<|{code}|>" for code in facts["languages"]], *facts["after_languages"]]
    step = facts["timestamp_step_s"]
    timestamps = [f"<|{index * step:.2f}|>" for index in range(facts["timestamp_count"])]
    return [(name, True) for name in names] + [(name, False) for name in timestamps]


def added_token(token_id, content, special):
    return {"id": token_id, "content": content, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": special}


def template_piece(token):
    return {"SpecialToken": {"id": token, "type_id": 0}}


def build_tokenizer_json(facts, seed):
    text_size = facts["text_vocabulary_size"]
    vocab, merges = build_vocabulary(text_size, seed)
    added = [added_token(text_size + offset, content, special) for offset, (content, special) in enumerate(special_tokens(facts))]
    prefix = ["<|startoftranscript|>", "<|notimestamps|>"]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": added,
        "normalizer": None,
        "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": False, "trim_offsets": True, "use_regex": True},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [*map(template_piece, prefix), {"Sequence": {"id": "A", "type_id": 0}}, template_piece("<|endoftext|>")],
            "pair": [*map(template_piece, prefix), {"Sequence": {"id": "A", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}}, template_piece("<|endoftext|>")],
            "special_tokens": {name: {"id": name, "ids": [next(t["id"] for t in added if t["content"] == name)], "tokens": [name]} for name in [*prefix, "<|endoftext|>"]},
        },
        "decoder": {"type": "ByteLevel", "add_prefix_space": True, "trim_offsets": True, "use_regex": True},
        "model": {
            "type": "BPE", "dropout": None, "unk_token": None, "continuing_subword_prefix": "", "end_of_word_suffix": "",
            "fuse_unk": False, "byte_fallback": False, "ignore_merges": False, "vocab": vocab, "merges": merges,
        },
    }


def build_tokenizer_config(facts):
    special = [content for content, is_special in special_tokens(facts) if is_special]
    return {
        "additional_special_tokens": special[1:],
        "bos_token": "<|endoftext|>",
        "clean_up_tokenization_spaces": True,
        "eos_token": "<|endoftext|>",
        "errors": "replace",
        "model_max_length": 1024,
        "pad_token": "<|endoftext|>",
        "processor_class": "WhisperProcessor",
        "return_attention_mask": False,
        "tokenizer_class": "WhisperTokenizer",
        "unk_token": "<|endoftext|>",
    }
