"""A synthetic cased WordPiece tokenizer with multilingual BERT's id layout: [PAD] 0, [unused1..99],
[UNK] 100, [CLS] 101, [SEP] 102, [MASK] 103. The real 119,547-token vocabulary ships with no npm or
Debian package, so the rest is every character of English, Russian and Hungarian text (alone and
as a "##" continuation, so no such word falls to [UNK]) plus the Whisper fixture's en/ru/hu
syllables, whole and continuing, so words split into a few pieces as they do upstream."""
import string

from whisper_fixture.tokenizer import SYLLABLES

SPECIAL_TOKENS = {"[PAD]": 0, "[UNK]": 100, "[CLS]": 101, "[SEP]": 102, "[MASK]": 103}
CYRILLIC = "".join(chr(code) for code in range(ord("А"), ord("я") + 1)) + "Ёё"
HUNGARIAN = "áéíóöőúüűÁÉÍÓÖŐÚÜŰ"
CHARACTERS = string.ascii_letters + string.digits + string.punctuation + CYRILLIC + HUNGARIAN + "–—…«»„”’"


def syllables():
    for consonants, vowels in SYLLABLES.values():
        for consonant in consonants.split():
            for vowel in vowels.split():
                yield consonant + vowel
                yield consonant.capitalize() + vowel


def build_vocabulary():
    vocab = {f"[unused{index}]": index for index in range(1, 100)}
    vocab.update(SPECIAL_TOKENS)
    pieces = [*CHARACTERS, *syllables()]
    for piece in pieces + [f"##{piece}" for piece in pieces if piece not in string.punctuation]:
        vocab.setdefault(piece, len(vocab))
    return vocab


def added_token(content, token_id):
    return {"id": token_id, "content": content, "single_word": False, "lstrip": False, "rstrip": False, "normalized": False, "special": True}


def special_piece(token):
    return {"SpecialToken": {"id": token, "type_id": 0}}


def build_tokenizer_json():
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [added_token(content, token_id) for content, token_id in sorted(SPECIAL_TOKENS.items(), key=lambda item: item[1])],
        # Cased: no lower-casing and no accent stripping, so "ő" and "Ё" stay themselves.
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True, "strip_accents": None, "lowercase": False},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [special_piece("[CLS]"), {"Sequence": {"id": "A", "type_id": 0}}, special_piece("[SEP]")],
            "pair": [special_piece("[CLS]"), {"Sequence": {"id": "A", "type_id": 0}}, special_piece("[SEP]"), {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {name: {"id": name, "ids": [SPECIAL_TOKENS[name]], "tokens": [name]} for name in ("[CLS]", "[SEP]")},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##", "max_input_chars_per_word": 100, "vocab": build_vocabulary()},
    }


def build_tokenizer_config(max_length):
    return {
        "clean_up_tokenization_spaces": True,
        "cls_token": "[CLS]",
        "do_lower_case": False,
        "mask_token": "[MASK]",
        "model_max_length": max_length,
        "pad_token": "[PAD]",
        "sep_token": "[SEP]",
        "strip_accents": None,
        "tokenize_chinese_chars": True,
        "tokenizer_class": "DistilBertTokenizer",
        "unk_token": "[UNK]",
    }


def build_special_tokens_map():
    return {"cls_token": "[CLS]", "mask_token": "[MASK]", "pad_token": "[PAD]", "sep_token": "[SEP]", "unk_token": "[UNK]"}
