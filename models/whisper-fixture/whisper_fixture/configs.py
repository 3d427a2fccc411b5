"""config.json, generation_config.json and preprocessor_config.json with the keys and values of the
onnx-community Whisper exports; only the dimensions and alignment heads follow the fixture's size."""


def build_config(dims, facts):
    return {
        "_name_or_path": dims["model_id"],
        "activation_dropout": 0.0,
        "activation_function": "gelu",
        "apply_spec_augment": False,
        "architectures": ["WhisperForConditionalGeneration"],
        "attention_dropout": 0.0,
        "begin_suppress_tokens": facts["begin_suppress_tokens"],
        "bos_token_id": 50257,
        "classifier_proj_size": 256,
        "d_model": dims["d_model"],
        "decoder_attention_heads": dims["decoder_attention_heads"],
        "decoder_ffn_dim": dims["decoder_ffn_dim"],
        "decoder_layerdrop": 0.0,
        "decoder_layers": dims["decoder_layers"],
        "decoder_start_token_id": 50258,
        "dropout": 0.0,
        "encoder_attention_heads": dims["encoder_attention_heads"],
        "encoder_ffn_dim": dims["encoder_ffn_dim"],
        "encoder_layerdrop": 0.0,
        "encoder_layers": dims["encoder_layers"],
        "eos_token_id": 50257,
        "init_std": 0.02,
        "is_encoder_decoder": True,
        "max_length": 448,
        "max_source_positions": dims["max_source_positions"],
        "max_target_positions": dims["max_target_positions"],
        "median_filter_width": 7,
        "model_type": "whisper",
        "num_hidden_layers": dims["encoder_layers"],
        "num_mel_bins": dims["num_mel_bins"],
        "pad_token_id": 50257,
        "scale_embedding": False,
        "torch_dtype": "float32",
        "transformers_version": "4.46.0",
        "use_cache": True,
        "use_weighted_layer_sum": False,
        "vocab_size": dims["vocab_size"],
    }


def build_generation_config(dims, facts):
    first_language_id = 50259
    lang_to_id = {f"<|{code}|>": first_language_id + index for index, code in enumerate(facts["languages"])}
    after = {name: first_language_id + len(facts["languages"]) + index for index, name in enumerate(facts["after_languages"])}
    config = {
        "begin_suppress_tokens": facts["begin_suppress_tokens"],
        "bos_token_id": 50257,
        "decoder_start_token_id": 50258,
        "eos_token_id": 50257,
        "forced_decoder_ids": [[1, None], [2, after["<|transcribe|>"]]],
        "is_multilingual": True,
        "lang_to_id": lang_to_id,
        "max_initial_timestamp_index": 50,
        "max_length": 448,
        "no_timestamps_token_id": after["<|notimestamps|>"],
        "pad_token_id": 50257,
        "prev_sot_token_id": after["<|startofprev|>"],
        "return_timestamps": False,
        "suppress_tokens": facts["suppress_tokens"],
        "task_to_id": {"transcribe": after["<|transcribe|>"], "translate": after["<|translate|>"]},
        "transformers_version": "4.46.0",
    }
    if dims["cross_attentions"]:
        # Upstream picks heads that track the audio; random weights have none, so take every head of the last layer.
        last_layer = dims["decoder_layers"] - 1
        config["alignment_heads"] = [[last_layer, head] for head in range(dims["decoder_attention_heads"])]
    return config


def build_preprocessor_config(dims):
    return {
        "chunk_length": 30,
        "feature_extractor_type": "WhisperFeatureExtractor",
        "feature_size": dims["num_mel_bins"],
        "hop_length": 160,
        "n_fft": 400,
        "n_samples": 480000,
        "nb_max_frames": 3000,
        "padding_side": "right",
        "padding_value": 0.0,
        "processor_class": "WhisperProcessor",
        "return_attention_mask": False,
        "sampling_rate": 16000,
    }
