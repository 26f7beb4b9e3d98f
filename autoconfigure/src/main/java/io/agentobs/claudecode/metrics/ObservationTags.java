package io.agentobs.claudecode.metrics;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.observation.Observation;

/**
 * The tags of a meter recorded from an observation: its low cardinality key values, as the
 * observation's convention wrote them.
 */
final class ObservationTags {

	private ObservationTags() {
	}

	/**
	 * All low cardinality key values of an observation, as tags.
	 * @param context the observation's context
	 * @return the tags
	 */
	static Tags of(Observation.Context context) {
		// One array, sorted once, rather than a merge per tag
		List<Tag> tags = new ArrayList<>();
		for (KeyValue keyValue : context.getLowCardinalityKeyValues()) {
			tags.add(Tag.of(keyValue.getKey(), keyValue.getValue()));
		}
		return Tags.of(tags);
	}

	/**
	 * One low cardinality key value of an observation, as a tag.
	 * @param context the observation's context
	 * @param key the key
	 * @return the tag, valued {@code none} when the convention wrote no such key
	 */
	static Tag of(Observation.Context context, String key) {
		KeyValue keyValue = context.getLowCardinalityKeyValue(key);
		return Tag.of(key, (keyValue != null) ? keyValue.getValue() : KeyValue.NONE_VALUE);
	}

}
