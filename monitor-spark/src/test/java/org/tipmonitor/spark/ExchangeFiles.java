package org.tipmonitor.spark;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.tipmonitor.io.Dataset;
import org.tipmonitor.io.ExchangeFile;
import org.tipmonitor.io.ExchangeWriter;
import org.tipmonitor.io.ProducerType;
import org.tipmonitor.model.Registration;
import org.tipmonitor.model.Victim;
import org.tipmonitor.model.VictimHistory;
import org.tipmonitor.model.testing.ModelGenerator;

/** Seeded exchange files of victim histories (the model's test generator), written with monitor-io's writer. */
final class ExchangeFiles {

    private ExchangeFiles() {
    }

    static ExchangeFile generate(long seed, int persons) {
        ModelGenerator generator = new ModelGenerator(seed);
        List<Victim> victims = new ArrayList<>();
        List<Registration> registrations = new ArrayList<>();
        for (int i = 0; i < persons; i++) {
            VictimHistory h = generator.victimHistory();
            victims.add(h.victim());
            registrations.addAll(h.registrations());
        }
        return ExchangeFile.ofVictims(Dataset.of("d" + seed, ProducerType.REGISTRATION_CENTRE,
                LocalDate.of(2012, 1, 1), LocalDate.of(2025, 12, 31), Instant.parse("2026-01-01T00:00:00Z")),
                victims, registrations);
    }

    static Path write(Path file, long seed, int persons) {
        ExchangeWriter.withDefaults().write(generate(seed, persons), file);
        return file;
    }
}
