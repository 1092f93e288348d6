package bj.gouv.masm.partners;

import bj.gouv.masm.shared.ApiException;
import bj.gouv.masm.shared.PageResponse;
import java.io.IOException;
import java.net.URI;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/partners}: the registry's REST API (docs/contract.md). */
@RestController
@RequestMapping("/api/partners")
@RequiredArgsConstructor
public class PartnerController {

    private final PartnerService service;
    private final PartnerCsvImporter importer;

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PartnerResponse> create(@RequestBody PartnerRequest request) {
        Partner partner = service.create(request);
        return ResponseEntity.created(URI.create("/api/partners/" + partner.getId()))
                .body(PartnerResponse.of(partner));
    }

    @GetMapping("/{id}")
    public PartnerResponse get(@PathVariable long id) {
        return PartnerResponse.of(service.get(id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public PartnerResponse update(@PathVariable long id, @RequestBody PartnerRequest request) {
        return PartnerResponse.of(service.update(id, request).partner());
    }

    @GetMapping
    public PageResponse<PartnerResponse> search(@RequestParam(required = false) String department,
                                                @RequestParam(required = false) String domain,
                                                @RequestParam(required = false) String kind,
                                                @RequestParam(required = false) String q,
                                                @RequestParam(defaultValue = "0") int page,
                                                @RequestParam(defaultValue = "" + PartnerService.DEFAULT_PAGE_SIZE) int size) {
        return PageResponse.of(service.search(new PartnerSearch(department, domain, kind, q), page, size),
                PartnerResponse::of);
    }

    /** CSV as the request body ({@code text/csv}). */
    @PostMapping(path = "/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE,
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    public ImportReport importCsv(@RequestBody byte[] body) {
        return importer.importCsv(body);
    }

    /** CSV uploaded as the multipart field {@code file}. */
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ImportReport importMultipart(@RequestPart("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw ApiException.badRequest("Le fichier CSV est vide");
        }
        return importer.importCsv(file.getBytes());
    }
}
