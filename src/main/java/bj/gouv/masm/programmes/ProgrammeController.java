package bj.gouv.masm.programmes;

import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.PageResponse;
import java.io.IOException;
import java.net.URI;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The programme register and the evaluation of programmes over five years old. */
@RestController
@RequestMapping("/api/programmes")
@RequiredArgsConstructor
public class ProgrammeController {

    private final ProgrammeService service;
    private final ProgrammeCsvImporter importer;
    private final ProgrammeEvaluationService evaluations;

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ProgrammeService.Programme> create(@RequestBody(required = false) ProgrammeService.ProgrammeRequest request) {
        ProgrammeService.Programme created = service.create(request);
        return ResponseEntity.created(URI.create("/api/programmes/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    public ProgrammeService.Programme get(@PathVariable Long id) {
        return service.get(id);
    }

    @PutMapping("/{id}")
    public ProgrammeService.Programme update(@PathVariable Long id,
                                             @RequestBody(required = false) ProgrammeService.ProgrammeRequest request) {
        return service.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable Long id) {
        service.delete(id);
    }

    @GetMapping
    public PageResponse<ProgrammeService.Programme> search(@RequestParam(required = false) Integer olderThanYears,
                                                          @RequestParam(required = false) String q,
                                                          @RequestParam(defaultValue = "0") int page,
                                                          @RequestParam(defaultValue = "20") int size) {
        return service.search(olderThanYears, q, page, size);
    }

    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ProgrammeCsvImporter.Report importCsv(@RequestBody byte[] body) {
        return importer.importCsv(body);
    }

    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ProgrammeCsvImporter.Report importMultipart(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw ApiException.badRequest("Le fichier CSV est vide");
        }
        return importer.importCsv(file.getBytes());
    }

    /** Opens this year's evaluations of the programmes over five years old (idempotent per programme and year). */
    @PostMapping("/evaluations/open")
    public ProgrammeEvaluationService.OpeningResult openEvaluations() {
        return evaluations.openByHand();
    }
}
