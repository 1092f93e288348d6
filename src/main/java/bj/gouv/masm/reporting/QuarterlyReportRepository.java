package bj.gouv.masm.reporting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface QuarterlyReportRepository extends JpaRepository<QuarterlyReport, Long> {

    Optional<QuarterlyReport> findByBusinessKey(String businessKey);

    boolean existsByBusinessKey(String businessKey);

    /** The partner's reports up to a quarter, latest first (for the consecutive counts of the sanction). */
    @Query("select r from QuarterlyReport r where r.partnerId = :partnerId and "
            + "(r.year < :year or (r.year = :year and r.quarter <= :quarter)) order by r.year desc, r.quarter desc")
    List<QuarterlyReport> historyOf(@Param("partnerId") Long partnerId, @Param("year") int year,
                                    @Param("quarter") int quarter);

    List<QuarterlyReport> findByYear(int year);

    List<QuarterlyReport> findByYearAndQuarter(int year, int quarter);
}
