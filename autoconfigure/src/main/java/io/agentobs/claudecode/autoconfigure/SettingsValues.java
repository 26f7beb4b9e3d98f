package io.agentobs.claudecode.autoconfigure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives the {@code claude-code.settings} map, which Boot binds as nested maps of strings,
 * the JSON types the CLI's settings schema expects: {@code true} and {@code false} as
 * booleans, integers and decimals as numbers, maps keyed {@code 0..n-1} (indexed
 * properties) as lists.
 */
final class SettingsValues {

	private SettingsValues() {
	}

	static Map<String, Object> typed(Map<String, Object> settings) {
		Map<String, Object> typed = new LinkedHashMap<>();
		settings.forEach((key, value) -> typed.put(key, value(value)));
		return typed;
	}

	@SuppressWarnings("unchecked")
	private static Object value(Object value) {
		if (value instanceof Map<?, ?> map) {
			if (isIndexed(map)) {
				List<Object> list = new ArrayList<>();
				for (int i = 0; i < map.size(); i++) {
					list.add(value(map.get(String.valueOf(i))));
				}
				return list;
			}
			return typed((Map<String, Object>) map);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(SettingsValues::value).toList();
		}
		if (value instanceof String text) {
			return scalar(text);
		}
		return value;
	}

	private static boolean isIndexed(Map<?, ?> map) {
		if (map.isEmpty()) {
			return false;
		}
		for (int i = 0; i < map.size(); i++) {
			if (!map.containsKey(String.valueOf(i))) {
				return false;
			}
		}
		return true;
	}

	private static Object scalar(String text) {
		if ("true".equals(text) || "false".equals(text)) {
			return Boolean.valueOf(text);
		}
		if (text.matches("-?(0|[1-9][0-9]{0,17})")) {
			return Long.valueOf(text);
		}
		if (text.matches("-?(0|[1-9][0-9]*)\\.[0-9]+")) {
			return new BigDecimal(text);
		}
		return text;
	}

}
